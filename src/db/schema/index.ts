export * from './decisions';
export * from './items';
export * from './users';
export * from './workspaces';
