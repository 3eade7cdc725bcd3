export * from './catalogue';
export * from './holders';
export * from './matrix';
