import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { messageOf } from '../api/errors';
import { EMAIL_INPUT, requiredEmailRules } from '../admin/email-field';
import { expectNoContent } from '../admin/use-admin';
import '../layout/app.css';
import { LOGIN_PATH } from './LoginPage';

/** "Quên mật khẩu": a one-time link by mail, answered the same whether the address has an account. */
export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ email }: { email: string }) => {
    setBusy(true);
    setError(null);
    try {
      expectNoContent(await api.POST('/api/auth/password-reset', { body: { email } }));
      setSentTo(email);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="narrow">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          Quên mật khẩu
        </Typography.Title>
        {sentTo ? (
          <Alert
            type="success"
            role="status"
            showIcon
            title={`Nếu ${sentTo} có tài khoản, một thư với liên kết đặt lại mật khẩu đã được gửi đến địa chỉ này. Liên kết dùng được một lần, trong 1 giờ.`}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <>
            <Typography.Paragraph>
              Nhập địa chỉ thư điện tử đăng nhập; hệ thống gửi đến đó một liên kết để đặt mật khẩu
              mới.
            </Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                role="alert"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form<{ email: string }>
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void submit(v)}
            >
              <Form.Item label="Thư điện tử" name="email" rules={requiredEmailRules()}>
                <Input {...EMAIL_INPUT} autoComplete="username" autoFocus />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                Gửi liên kết đặt mật khẩu
              </Button>
            </Form>
          </>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to={LOGIN_PATH}>Quay lại đăng nhập</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
