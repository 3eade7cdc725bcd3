export * from './assessments';
export * from './decisions';
export * from './items';
export * from './prioritization';
export * from './users';
export * from './workspaces';
export * from './roadmap';
