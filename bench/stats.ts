// Small statistics shared by the benchmark scripts.
export const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

export const pct = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const median = (values: number[]): number => pct(values, 50);
