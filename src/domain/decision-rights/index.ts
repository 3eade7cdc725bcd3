export * from './catalogue';
export * from './matrix';
export * from './holders';
