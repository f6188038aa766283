-- Headless Neovim (0.7+) end-to-end test of the Talk Notes language server over stdio.
-- Run by test/e2e/nvim.test.mjs. Environment:
--   TN_CMD   JSON array: the server command (node dist/server.js --stdio)
--   TN_FILE  the notes file to open (a throw-away copy of the sample)
--   TN_OUT   report file: one line per check "ok NAME" / "FAIL NAME: why", then "RESULT: PASS|FAIL|ERROR"
--   TN_WAIT_MS  how long to wait for each step (default 20000)
-- Only APIs present in Neovim 0.7 (vim.lsp.start_client, buf_request_sync, vim.diagnostic).
local function env(k, d) local v = os.getenv(k); if v == nil or v == '' then return d end; return v end
local lines, passed, failed = {}, 0, 0
local function say(s) table.insert(lines, s) end
local out = env('TN_OUT', 'nvim-report.txt')
local wait_ms = tonumber(env('TN_WAIT_MS', '20000'))
local client_id, buf, uri
local server_log = {}

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then passed = passed + 1; say('ok   ' .. name) else failed = failed + 1; say('FAIL ' .. name .. ': ' .. tostring(err)) end
end

-- synchronous request; returns the result of our client (errors on LSP error / timeout)
local function request(method, params)
  local res, err = vim.lsp.buf_request_sync(buf, method, params, wait_ms)
  if not res then error(method .. ' failed: ' .. tostring(err)) end
  local r = res[client_id]
  if not r then error(method .. ': no answer from the server') end
  if r.err then error(method .. ' error: ' .. vim.inspect(r.err)) end
  return r.result
end

local function line_text(lnum) return vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or '' end
local function diag_text(d)  -- the text a (single-line) diagnostic covers
  return string.sub(line_text(d.lnum), d.col + 1, d.end_col)
end
local function kubevirt_diag()
  for _, d in ipairs(vim.diagnostic.get(buf)) do if diag_text(d) == 'Kubevirt' then return d end end
end

local function run()
  local file = env('TN_FILE') or error('TN_FILE is required')
  local cmd = vim.fn.json_decode(env('TN_CMD') or error('TN_CMD is required'))
  local v = vim.version()
  say(string.format('# nvim %d.%d.%d, server: %s', v.major, v.minor, v.patch, table.concat(cmd, ' ')))
  client_id = vim.lsp.start_client({
    name = 'talk-notes', cmd = cmd, root_dir = vim.fn.fnamemodify(file, ':p:h'),
    flags = { debounce_text_changes = 0 },
    handlers = {   -- keep the server's log messages for the report
      ['window/logMessage'] = function(_, result) if result then table.insert(server_log, result.message) end end,
    },
    on_exit = function(code, signal) if code ~= 0 then say('# server exit code=' .. tostring(code) .. ' signal=' .. tostring(signal)) end end,
  })
  if not client_id then error('could not start the server: ' .. table.concat(cmd, ' ')) end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  buf = vim.api.nvim_get_current_buf()
  uri = vim.uri_from_bufnr(buf)
  if not vim.lsp.buf_attach_client(buf, client_id) then error('buf_attach_client failed') end
  if not vim.wait(wait_ms, function() local c = vim.lsp.get_client_by_id(client_id); return c and c.initialized end, 20) then
    error('server did not initialize within ' .. wait_ms .. ' ms')
  end

  check('diagnostics: a Warning on "Kubevirt" (line 32) suggesting KubeVirt', function()
    assert(vim.wait(wait_ms, function() return kubevirt_diag() ~= nil end, 20),
      'no diagnostic on "Kubevirt"; got ' .. #vim.diagnostic.get(buf) .. ' diagnostics')
    local d = kubevirt_diag()
    say(string.format('#   %d diagnostics; Kubevirt: lnum=%d col=%d severity=%d source=%s message=%s',
      #vim.diagnostic.get(buf), d.lnum, d.col, d.severity, tostring(d.source), d.message))
    assert(d.lnum == 31, 'expected line 32, got ' .. (d.lnum + 1))
    assert(d.severity == vim.diagnostic.severity.WARN, 'expected a warning, got severity ' .. d.severity)
    assert(d.source == 'talk-notes', 'source ' .. tostring(d.source))
    assert(d.message:find('KubeVirt', 1, true), 'message does not mention KubeVirt: ' .. d.message)
    assert(#vim.diagnostic.get(buf) >= 10, 'expected the sample to have many findings')
  end)

  check('textDocument/codeAction: the preferred quick fix writes "KubeVirt"', function()
    local d = kubevirt_diag() or error('no Kubevirt diagnostic')
    local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
    local actions = request('textDocument/codeAction', {
      textDocument = { uri = uri }, range = range,
      context = { diagnostics = { { range = range, message = d.message, severity = d.severity, source = d.source, code = d.code } } },
    }) or {}
    local titles, preferred = {}, nil
    for _, a in ipairs(actions) do
      table.insert(titles, a.title)
      if a.isPreferred then preferred = a end
    end
    say('#   actions: ' .. table.concat(titles, ' | '))
    assert(preferred, 'no preferred code action')
    assert(preferred.kind == 'quickfix', 'preferred action kind ' .. tostring(preferred.kind))
    local edits = preferred.edit and preferred.edit.changes and preferred.edit.changes[uri]
    assert(edits and #edits == 1, 'preferred action has no single edit for this file: ' .. vim.inspect(preferred.edit))
    assert(edits[1].newText == 'KubeVirt', 'edit writes ' .. vim.inspect(edits[1].newText))
    assert(edits[1].range.start.line == 31 and edits[1].range.start.character == d.col, 'edit range ' .. vim.inspect(edits[1].range))
    vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
    local text = line_text(31)
    say('#   line 32 after the fix: ' .. text)
    assert(text:find('KubeVirt', 1, true) and not text:find('Kubevirt', 1, true), 'line 32 is now: ' .. text)
    assert(vim.wait(wait_ms, function() return kubevirt_diag() == nil and #vim.diagnostic.get(buf) > 0 end, 20),
      'the diagnostic on "Kubevirt" did not go away after the edit')
  end)

  check('textDocument/completion: typing "Kube" offers KubeVirt', function()
    local n = vim.api.nvim_buf_line_count(buf)
    vim.api.nvim_buf_set_lines(buf, n, n, false, { '', 'Kube' })
    local res = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = n + 1, character = 4 } })
    local items = (res and (res.items or res)) or {}
    local labels, hit = {}, nil
    for _, it in ipairs(items) do
      table.insert(labels, it.label)
      if it.label == 'KubeVirt' then hit = it end
    end
    say('#   completion: ' .. table.concat(vim.list_slice(labels, 1, 12), ', '))
    assert(hit, 'no KubeVirt among ' .. #labels .. ' items')
    if hit.textEdit then
      local r = hit.textEdit.range or hit.textEdit.replace
      assert(r.start.line == n + 1 and r.start.character == 0 and r['end'].character == 4, 'KubeVirt does not replace "Kube": ' .. vim.inspect(r))
      assert(hit.textEdit.newText == 'KubeVirt', 'newText ' .. tostring(hit.textEdit.newText))
    end
  end)

  check('textDocument/documentSymbol: the four talks', function()
    local syms = request('textDocument/documentSymbol', { textDocument = { uri = uri } }) or {}
    local talks = {}
    local function walk(list) for _, s in ipairs(list) do
      if s.kind == 24 then table.insert(talks, s.name) end   -- SymbolKind.Event = a talk
      walk(s.children or {})
    end end
    walk(syms)
    say('#   talks: ' .. table.concat(talks, ' | '))
    local want = { 'CNCF Project Updates', 'Rook.io', 'Derek, creator of Maps and Open(something)', 'Lockland Container ... Azure ... TOC contributor' }
    assert(vim.deep_equal(talks, want), 'talks are ' .. vim.inspect(talks))
  end)

  check('textDocument/hover: a project card for "NATS"', function()
    local lnum
    for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do if l:find('^NATS Project Update') then lnum = i - 1; break end end
    assert(lnum, 'sample has no "NATS Project Update" line')
    local h = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = lnum, character = 1 } })
    local value = h and h.contents and (h.contents.value or h.contents) or ''
    if type(value) ~= 'string' then value = vim.inspect(value) end
    say('#   hover: ' .. value:gsub('\n', ' '):sub(1, 120))
    assert(value:find('**NATS**', 1, true) and value:find('CNCF', 1, true), 'hover is ' .. vim.inspect(value))
  end)

  if env('TALK_NOTES_E2E_FORCE_FAIL') then check('deliberate failure (negative control)', function() error('TALK_NOTES_E2E_FORCE_FAIL is set') end) end

  return failed == 0
end

local done, res = pcall(run)
if not done then say('ERROR: ' .. tostring(res)) end
if failed > 0 or not done then
  for _, m in ipairs(server_log) do say('# server log: ' .. tostring(m):gsub('\n', ' ')) end
end
say(string.format('# %d passed, %d failed', passed, failed))
say('RESULT: ' .. (done and (res and 'PASS' or 'FAIL') or 'ERROR'))
pcall(vim.fn.writefile, lines, out)
if client_id then
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end
if done and res then vim.cmd('qa!') else vim.cmd('cquit! ' .. (done and 1 or 2)) end
