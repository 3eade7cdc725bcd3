#!/usr/bin/env node
// Entry point for `npx headway` and `npm run headway`: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
