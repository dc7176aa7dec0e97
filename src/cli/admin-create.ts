import { loadConfig, ConfigError } from '../config/config';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { AdminAccountError, createAdmin } from '../admin/admin-accounts';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_CHARS } from '../admin/password-hasher';

const USAGE = 'usage: npm run admin:create -- --email you@example.com --password-stdin   (password read from stdin)';

const MESSAGES: Record<AdminAccountError['code'], string> = {
  invalid_email: 'the email address is not valid',
  password_too_short: `the password must be at least ${PASSWORD_MIN_CHARS} characters`,
  password_too_long: `the password must be at most ${PASSWORD_MAX_BYTES} bytes`,
  email_taken: 'an admin with this email already exists',
  weak_password: 'this password is too easy to guess (a common or default password, a repeated pattern or a keyboard/alphabet sequence)',
};

export function parseArgs(argv: readonly string[]): { email: string } | null {
  let email: string | null = null;
  let stdin = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--email' && i + 1 < argv.length) email = argv[++i];
    else if (argv[i].startsWith('--email=')) email = argv[i].slice('--email='.length);
    else if (argv[i] === '--password-stdin') stdin = true;
    else return null;
  }
  // Passwords on the command line end up in shell history and `ps`; only stdin is accepted.
  return email && stdin ? { email } : null;
}

/** Reads all of stdin; drops exactly one trailing newline (from `echo` or a terminal), nothing else. */
export async function readPassword(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > PASSWORD_MAX_BYTES + 2) throw new AdminAccountError('password_too_long');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const db = createDb(config.database);
  try {
    await migrateLatest(db);
    const password = await readPassword(process.stdin);
    const id = await createAdmin(db, args.email, password);
    process.stdout.write(`admin created (id ${id})\n`);
    return 0;
  } catch (err) {
    if (err instanceof AdminAccountError) {
      process.stderr.write(`admin:create: ${MESSAGES[err.code]}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err: unknown) => {
    process.stderr.write(`admin:create failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
