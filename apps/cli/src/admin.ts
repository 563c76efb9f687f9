/**
 * `npm run admin -- create-user --email E --role R [--name N] [--agency CODE]`: creates an account
 * (the first secretariat of an empty production database) and prints its one-time set-password
 * link on stdout; `npm run admin -- password-link --email E` prints a new one for an account
 * (the older links die). Reads the same configuration as the API (DATABASE_URL, PUBLIC_BASE_URL;
 * NODE_ENV=production refuses the development defaults). Explanations go to stderr.
 * Exit: 0 done, 1 refused, 2 usage, 78 configuration.
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../../libs/config/src';
import { vnDateTime } from '../../../libs/mail/src';
import {
  AccountError,
  type AccountProblem,
  AuditLogEntity,
  createAccount,
  dataSourceOptions,
  type IssuedPasswordLink,
  issuePasswordLink,
  normalizeEmail,
  USER_ROLES,
  UserEntity,
  type UserRole,
} from '../../../libs/persistence/src';
import { setPasswordUrl } from '../../../libs/security/src';

const USAGE = `Cách dùng:
  npm run admin -- create-user --email ĐỊA_CHỈ --role ${USER_ROLES.join('|')} [--name "Họ tên"] [--agency MÃ]
  npm run admin -- password-link --email ĐỊA_CHỈ
In ra liên kết đặt mật khẩu (dùng một lần) của tài khoản.
`;

const PROBLEMS: Readonly<Record<AccountProblem, string>> = {
  email_taken: 'Đã có tài khoản với địa chỉ này (dùng "password-link" để có liên kết mới).',
  agency_required: 'Tài khoản vai trò agency cần --agency MÃ.',
  agency_not_allowed: 'Chỉ tài khoản vai trò agency mới có --agency.',
  unknown_agency: 'Không có cơ quan mã này trong danh mục.',
  agency_inactive: 'Cơ quan này đã ngừng hoạt động.',
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;

class UsageError extends Error {}
class Refusal extends Error {}

interface Command {
  readonly name: 'create-user' | 'password-link';
  readonly email: string;
  readonly role: UserRole | null;
  readonly displayName: string | null;
  readonly agency: string | null;
}

function parseCommand(argv: readonly string[]): Command {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
    },
  });
  const [name, ...rest] = positionals;
  if ((name !== 'create-user' && name !== 'password-link') || rest.length > 0) {
    throw new UsageError();
  }
  const email = values.email?.trim() ?? '';
  if (!EMAIL.test(email)) throw new UsageError('--email: cần một địa chỉ thư điện tử.');
  if (name === 'password-link') {
    return { name, email, role: null, displayName: null, agency: null };
  }
  const role = USER_ROLES.find((r) => r === values.role);
  if (!role) throw new UsageError(`--role: một trong ${USER_ROLES.join(', ')}.`);
  return {
    name,
    email,
    role,
    displayName: values.name?.trim() || null,
    agency: values.agency?.trim().toUpperCase() || null,
  };
}

async function run(command: Command, write: (line: string) => void): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) {
      throw new Refusal('Cơ sở dữ liệu chưa được cập nhật: chạy "npm run migration:run" trước.');
    }
    const now = Date.now();
    let user: UserEntity;
    let link: IssuedPasswordLink;
    if (command.name === 'create-user') {
      try {
        ({ user, link } = await createAccount(
          dataSource,
          {
            email: command.email,
            displayName: command.displayName ?? command.email,
            role: command.role as UserRole,
            agencyCode: command.agency,
            createdBy: null,
          },
          now,
        ));
      } catch (err) {
        if (err instanceof AccountError) throw new Refusal(PROBLEMS[err.problem]);
        throw err;
      }
      process.stderr.write(`Đã tạo tài khoản ${user.email} (vai trò ${user.role}).\n`);
    } else {
      const found = await dataSource
        .getRepository(UserEntity)
        .findOneBy({ email: normalizeEmail(command.email) });
      if (!found) throw new Refusal('Không có tài khoản với địa chỉ này.');
      if (found.disabledAt) throw new Refusal('Tài khoản này đang bị khóa.');
      user = found;
      const kind = found.passwordHash === null ? 'invitation' : 'reset';
      link = await dataSource.transaction((em) => issuePasswordLink(em, found.id, kind, null, now));
    }
    await dataSource.getRepository(AuditLogEntity).save(
      Object.assign(new AuditLogEntity(), {
        actorId: null,
        actorEmail: null,
        actorRole: null,
        action: command.name === 'create-user' ? 'user.create' : 'user.password_link',
        targetType: 'user',
        targetId: user.id,
        outcome: 'success',
        statusCode: null,
        code: null,
        clientAddress: null,
        request: `CLI admin ${command.name}`,
        detail: { email: user.email, role: user.role, channel: 'cli' },
      }),
      { reload: false },
    );
    process.stderr.write(
      `Liên kết đặt mật khẩu (dùng một lần, hết hạn ${vnDateTime(link.expiresAt.getTime())}):\n`,
    );
    write(setPasswordUrl(config.publicBaseUrl, link.token));
  } finally {
    await dataSource.destroy();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (err) {
    const why = err instanceof Error && err.message ? `${err.message}\n` : '';
    process.stderr.write(`${why}${USAGE}`);
    return 2;
  }
  try {
    await run(command, (line) => process.stdout.write(`${line}\n`));
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 78;
    }
    if (err instanceof Refusal) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
