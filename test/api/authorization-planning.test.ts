/**
 * The authorization matrix of the planning routes (roadmap, forecasts, estimation, prioritization):
 * every role × own/other workspace against the declared table. The workspace routes are in
 * `authorization.test.ts`, which also checks that the two tables together cover the API.
 */
import { describe } from 'vitest';
import { PLANNING_CASES } from './authorization-cases-planning';
import { checkEachRoute, prepareAuthorizationWorld } from './authorization-matrix';

const world = prepareAuthorizationWorld();

describe('authorization matrix of the planning routes', () => {
  checkEachRoute(world, PLANNING_CASES);
});
