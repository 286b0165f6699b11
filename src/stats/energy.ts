/**
 * Energy of inference, estimated from the model's active parameters because vendors rarely
 * publish a measured figure. Method: a transformer forward pass costs about 2 FLOPs per active
 * parameter per token (Kaplan et al., 2020, "Scaling laws for neural language models"), for the
 * prompt's tokens and the answer's alike; the energy is those FLOPs divided by the effective
 * efficiency of the serving hardware, times the data centre's PUE. The efficiency is a range:
 * peak accelerator efficiency is around 10^12 FLOP/J, but token-by-token decoding uses a few
 * percent of it, so the defaults bracket 10^10 to 10^11 FLOP/J. The result is an order of
 * magnitude with its range, never a measurement; with no parameters configured, none is shown.
 */
export interface EnergyParameters {
  /** Billions of parameters active per token (all of them for a dense model). */
  activeParametersB: number;
  /** Effective FLOP per joule, low and high (defaults 1e10 and 1e11). */
  flopPerJoule?: [number, number];
  /** Power usage effectiveness of the data centre (default 1.2). */
  pue?: number;
}

export interface EnergyRange {
  /** Watt-hours per 1,000 cases: low, central (geometric mean) and high. */
  lowWh: number;
  centralWh: number;
  highWh: number;
}

export const DEFAULT_FLOP_PER_JOULE: [number, number] = [1e10, 1e11];
export const DEFAULT_PUE = 1.2;

export function energyPer1000Cases(tokensPerCase: number, parameters: EnergyParameters): EnergyRange {
  const [lowEfficiency, highEfficiency] = parameters.flopPerJoule ?? DEFAULT_FLOP_PER_JOULE;
  const flops = 2 * parameters.activeParametersB * 1e9 * tokensPerCase * 1000;
  const pue = parameters.pue ?? DEFAULT_PUE;
  const joulesToWh = 1 / 3600;
  // More FLOP per joule means less energy: the high efficiency gives the low estimate.
  const lowWh = (flops / highEfficiency) * pue * joulesToWh;
  const highWh = (flops / lowEfficiency) * pue * joulesToWh;
  return { lowWh, centralWh: Math.sqrt(lowWh * highWh), highWh };
}
