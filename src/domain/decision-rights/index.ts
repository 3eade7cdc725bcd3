export * from './catalogue';
export * from './matrix';
