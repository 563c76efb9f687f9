import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/errors';
import { PasswordFields } from '../admin/PasswordFields';
import { formatDateTime } from '../format';
import { Loading } from '../layout/Loading';
import '../layout/app.css';
import { FORGOT_PASSWORD_PATH, type LoginNotice } from '../admin/account-paths';
import { LOGIN_PATH } from './LoginPage';

/** The page a set-password mail links (`/dat-mat-khau?t=…`): an invitation or a reset, once. */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = useQuery({
    queryKey: ['password-link', token],
    enabled: token !== '',
    retry: false,
    queryFn: async () =>
      unwrap(await api.GET('/api/auth/password-links/{token}', { params: { path: { token } } })),
  });

  const submit = async ({ next }: { next: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { email } = unwrap(
        await api.POST('/api/auth/password-links/{token}', {
          params: { path: { token } },
          body: { password: next },
        }),
      );
      const state: LoginNotice = {
        email,
        notice: 'Đã đặt mật khẩu. Hãy đăng nhập bằng mật khẩu mới.',
      };
      void navigate(LOGIN_PATH, { replace: true, state });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (token !== '' && link.isPending) return <Loading />;
  if (token === '' || link.isError) {
    return (
      <main className="narrow">
        <Result
          status="warning"
          title={
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              Không dùng được liên kết này
            </Typography.Title>
          }
          subTitle={
            token === ''
              ? 'Địa chỉ thiếu mã của liên kết; hãy mở lại liên kết trong thư.'
              : messageOf(link.error)
          }
          extra={[
            <Button key="forgot" type="primary" onClick={() => void navigate(FORGOT_PASSWORD_PATH)}>
              Nhận liên kết mới
            </Button>,
            <Button key="login" onClick={() => void navigate(LOGIN_PATH)}>
              Đăng nhập
            </Button>,
          ]}
        />
      </main>
    );
  }
  const info = link.data;
  return (
    <main className="narrow">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {info?.purpose === 'invitation' ? 'Chào mừng đến với Đôn Đốc' : 'Đặt lại mật khẩu'}
        </Typography.Title>
        <Typography.Paragraph>
          Đặt mật khẩu cho tài khoản <strong>{info?.email}</strong>
          {info?.name && info.name !== info.email ? ` (${info.name})` : ''}. Liên kết dùng được một
          lần, đến {formatDateTime(info?.expiresAt)}.
        </Typography.Paragraph>
        {error && (
          <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} />
        )}
        <Form<{ next: string }>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
        >
          {/* For password managers: the account the new password belongs to. */}
          <input
            type="hidden"
            name="username"
            autoComplete="username"
            value={info?.email ?? ''}
            readOnly
          />
          <PasswordFields />
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đặt mật khẩu
          </Button>
        </Form>
      </Card>
    </main>
  );
}
