/** The part of jstat avec uses; the package ships no types. */
declare module 'jstat' {
  export const jStat: {
    normal: {
      inv(p: number, mean: number, std: number): number;
      cdf(x: number, mean: number, std: number): number;
    };
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    binomial: { pdf(k: number, n: number, p: number): number; cdf(k: number, n: number, p: number): number };
  };
}
