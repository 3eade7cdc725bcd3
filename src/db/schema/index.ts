export * from './assessments';
export * from './decisions';
export * from './estimation-sessions';
export * from './items';
export * from './prioritization';
export * from './roadmap';
export * from './users';
export * from './workspaces';
