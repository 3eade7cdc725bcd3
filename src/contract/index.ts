export * from './auth';
export * from './common';
export * from './decisions';
export * from './errors';
export * from './items';
export * from './limits';
export * from './transfer';
export * from './workspace';
