import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { messageOf } from '../api/errors';
import { LOGGED_OUT_EVERYWHERE } from '../admin/account-paths';
import { PasswordFields } from '../admin/PasswordFields';
import { expectNoContent } from '../admin/use-admin';
import { useSession } from '../auth/session';
import { writeToken } from '../auth/session-store';
import { LOGIN_PATH } from './LoginPage';

interface Change {
  current: string;
  next: string;
}

/** Every user's own account: change the password, log out on every device. */
export function ChangePasswordPage() {
  const { me } = useSession();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Change>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async ({ current, next }: Change) => {
    setBusy(true);
    setError(null);
    try {
      expectNoContent(await api.POST('/api/auth/password', { body: { current, next } }));
      form.resetFields();
      void message.success('Đã đổi mật khẩu. Các phiên đăng nhập trên thiết bị khác đã kết thúc.');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const logoutEverywhere = (): void => {
    void modal.confirm({
      title: 'Đăng xuất khỏi mọi thiết bị?',
      content: 'Mọi phiên đăng nhập của tài khoản này, cả phiên đang dùng, sẽ kết thúc.',
      okText: 'Đăng xuất khỏi mọi thiết bị',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          expectNoContent(await api.POST('/api/auth/logout-all'));
        } catch (err) {
          void message.error(messageOf(err));
          return;
        }
        // Every token is dead, this one too: forget it and start the app afresh at the login
        // page (a logout call now would only be refused).
        writeToken(null);
        window.location.replace(`${LOGIN_PATH}?${LOGGED_OUT_EVERYWHERE}`);
      },
    });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Tài khoản của tôi
      </Typography.Title>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            Đổi mật khẩu
          </Typography.Title>
        }
      >
        {error && (
          <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} />
        )}
        <Form<Change>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void change(v)}
        >
          <input
            type="hidden"
            name="username"
            autoComplete="username"
            value={me?.email ?? ''}
            readOnly
          />
          <Form.Item
            label="Mật khẩu hiện tại"
            name="current"
            rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <PasswordFields />
          <Button type="primary" htmlType="submit" loading={busy}>
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            Đăng xuất khỏi mọi thiết bị
          </Typography.Title>
        }
      >
        <Typography.Paragraph>
          Khi nghi ngờ người khác dùng tài khoản của bạn, hoặc đã đăng nhập trên một máy dùng chung:
          kết thúc mọi phiên đăng nhập, rồi đổi mật khẩu.
        </Typography.Paragraph>
        <Button danger onClick={logoutEverywhere}>
          Đăng xuất khỏi mọi thiết bị
        </Button>
      </Card>
    </Space>
  );
}
