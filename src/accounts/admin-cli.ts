/**
 * `npm run admin -- COMMAND` (see admin-commands.ts). Reads DATABASE_URL as the service
 * does: from the environment, else `.env` in the working folder (npm runs scripts in the
 * project folder, where the service reads it too).
 */
import 'dotenv/config';
import { adminCommand, EXIT } from './admin-commands';

adminCommand(process.argv.slice(2), process.env).then(
  ({ exitCode, message }) => {
    (exitCode === EXIT.ok ? console.log : console.error)(message);
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = EXIT.failed;
  },
);
