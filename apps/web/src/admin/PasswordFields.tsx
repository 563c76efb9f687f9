import { Form, Input } from 'antd';

/** What the API's password policy asks first (PASSWORD_TOO_WEAK says the rest). */
const MIN_LENGTH = 10;
const MAX_LENGTH = 128;
const length = (s: string) => [...s.normalize('NFC')].length;

/** "Mật khẩu mới" and "Nhập lại mật khẩu mới", checked as the API checks the length. */
export function PasswordFields({ name = 'next' }: { name?: string }) {
  return (
    <>
      <Form.Item
        label="Mật khẩu mới"
        name={name}
        extra={`Ít nhất ${MIN_LENGTH} ký tự; nên dùng một câu dễ nhớ với bạn, khó đoán với người khác.`}
        rules={[
          { required: true, message: 'Nhập mật khẩu mới.' },
          {
            validator: (_, value: string | undefined) => {
              const n = length(value ?? '');
              if (n > 0 && n < MIN_LENGTH) {
                return Promise.reject(new Error(`Mật khẩu cần ít nhất ${MIN_LENGTH} ký tự.`));
              }
              if (n > MAX_LENGTH) {
                return Promise.reject(
                  new Error(`Mật khẩu không được dài quá ${MAX_LENGTH} ký tự.`),
                );
              }
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name={`${name}Again`}
        dependencies={[name]}
        rules={[
          { required: true, message: 'Nhập lại mật khẩu mới.' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue(name) === value
                ? Promise.resolve()
                : Promise.reject(new Error('Hai lần nhập mật khẩu mới không giống nhau.')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
