/** The build-out under Monte Carlo (placeholder while the module is written). */
export interface BuildoutUncertainty {
  readonly samples: number;
  readonly seed: number;
}
