/**
 * `npm run backup -- FILE [--force]` (see backup.ts). Reads DATABASE_URL as ormconfig.ts
 * does: from the environment, else `.env` in the working folder (npm runs scripts in the
 * project folder, where the service reads it too). FILE is taken relative to the folder
 * npm was run from (INIT_CWD).
 */
import 'dotenv/config';
import { backupCommand, EXIT } from './backup';

backupCommand(process.argv.slice(2), process.env, process.env.INIT_CWD ?? process.cwd()).then(
  ({ exitCode, message }) => {
    (exitCode === EXIT.ok ? console.log : console.error)(message);
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = EXIT.failed;
  },
);
