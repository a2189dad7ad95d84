/** Assessment indicators and schemes (pure): one file per indicator, with its official definition. */
export * from './types';
export * from './counts';
export * from './indicator';
export * from './indicators';
export * from './facts';
export * from './period';
export * from './score';
export * from './schemes';
export * from './warnings';
