/**
 * The `headway` command line. Each verb lives in its own file under ./commands and exports
 * `register(program)`; ./verbs lists them so only the verb being run is loaded, and ./run runs
 * one command line.
 */
import { runHeadway } from './run';

const code = await runHeadway(process.argv);
if (code !== 0) process.exitCode = code;
