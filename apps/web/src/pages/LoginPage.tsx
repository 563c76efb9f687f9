import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiFailure, messageOf } from '../api/errors';
import {
  FORGOT_PASSWORD_PATH,
  LOGGED_OUT_EVERYWHERE,
  type LoginNotice,
} from '../admin/account-paths';
import { useSession } from '../auth/session';
import { sessionEndMessage } from '../auth/session-end';
import { Loading } from '../layout/Loading';
import '../layout/app.css';
import { EMAIL_INPUT, requiredEmailRules } from '../admin/email-field';

export const LOGIN_PATH = '/dang-nhap';

interface Credentials {
  email: string;
  password: string;
}

/** Where to go after signing in: a local path only; by default the role's start page ('/'). */
const safeNext = (next: string | null): string =>
  next?.startsWith('/') && !next.startsWith('//') ? next : '/';

const noticeOf = (state: unknown): LoginNotice | null =>
  typeof state === 'object' && state !== null && typeof (state as LoginNotice).notice === 'string'
    ? (state as LoginNotice)
    : null;

export function LoginPage() {
  const { me, loading, signIn } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  // Set by the page that sent the user here (a password just set, a logout everywhere).
  const notice: LoginNotice | null =
    noticeOf(location.state) ??
    (location.search.includes(LOGGED_OUT_EVERYWHERE)
      ? { notice: 'Đã đăng xuất khỏi mọi thiết bị.' }
      : null);
  // Why the last session ended, when the API refused it while a page was open (api/client.ts).
  const ended = sessionEndMessage(params);
  if (loading) return <Loading />;
  if (me) return <Navigate to={next} replace />;

  const submit = async ({ email, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      void navigate(next, { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.code === 'INVALID_CREDENTIALS'
          ? 'Thư điện tử hoặc mật khẩu không đúng.'
          : messageOf(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="narrow">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          Đôn Đốc
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Theo dõi, đôn đốc thực hiện kết luận của Ban Chỉ đạo. Đăng nhập để tiếp tục.
        </Typography.Paragraph>
        {ended && !notice && !error && (
          <Alert type="warning" role="status" showIcon title={ended} style={{ marginBottom: 16 }} />
        )}
        {notice && !error && (
          <Alert
            type="success"
            role="status"
            showIcon
            title={notice.notice}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && (
          <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} />
        )}
        <Form<Credentials>
          layout="vertical"
          onFinish={(v) => void submit(v)}
          requiredMark={false}
          initialValues={{ email: notice?.email ?? '' }}
        >
          <Form.Item label="Thư điện tử" name="email" rules={requiredEmailRules()}>
            <Input {...EMAIL_INPUT} autoComplete="username" autoFocus={!notice?.email} />
          </Form.Item>
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[{ required: true, message: 'Nhập mật khẩu.' }]}
          >
            <Input.Password autoComplete="current-password" autoFocus={!!notice?.email} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to={FORGOT_PASSWORD_PATH}>Quên mật khẩu?</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
