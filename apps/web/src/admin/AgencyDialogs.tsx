import { App, Form, Input, Select } from 'antd';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { ActionModal } from '../item/ActionModal';
import type { AgencyRow } from './admin-types';
import { EMAIL_FORMAT_RULE, EMAIL_INPUT, requiredEmailRules } from './email-field';

interface AgencyFields {
  code: string;
  name: string;
  aliases?: string[];
  contactEmail: string;
  headEmail?: string;
}

/** The fields of an agency; the code only when it is created (it never changes). */
function AgencyFormItems({ agency }: { agency?: AgencyRow }) {
  return (
    <>
      {!agency && (
        <Form.Item
          label="Mã cơ quan"
          name="code"
          extra="Chữ in hoa, chữ số, dấu _ hoặc -; không đổi được sau khi tạo."
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            { required: true, message: 'Nhập mã cơ quan.' },
            { pattern: /^[A-Z0-9_-]{1,32}$/, message: 'Mã gồm chữ in hoa, chữ số, _ hoặc -.' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        label="Tên cơ quan"
        name="name"
        initialValue={agency?.name}
        rules={[{ required: true, whitespace: true, message: 'Nhập tên cơ quan.' }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Tên gọi khác"
        name="aliases"
        initialValue={agency?.aliases ?? []}
        extra="Cách viết khác trong các thông báo (viết tắt, tên cũ); nhập rồi bấm Enter. Hệ thống nhận ra cơ quan theo các tên này khi đọc thông báo."
      >
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[';']}
          // Escape in this field leaves the dialog open (the browser's dialog would close and lose
          // every field typed): at most it drops the name being typed.
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.stopPropagation();
          }}
        />
      </Form.Item>
      <Form.Item
        label="Thư điện tử liên hệ"
        name="contactEmail"
        initialValue={agency?.contactEmail}
        extra="Nơi nhận thư nhắc việc."
        rules={requiredEmailRules('Nhập thư điện tử liên hệ.')}
      >
        <Input {...EMAIL_INPUT} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Thư điện tử lãnh đạo"
        name="headEmail"
        initialValue={agency?.headEmail ?? undefined}
        extra="Nơi nhận thư báo cáo khi quá hạn (không bắt buộc)."
        rules={[EMAIL_FORMAT_RULE]}
      >
        <Input {...EMAIL_INPUT} autoComplete="off" />
      </Form.Item>
    </>
  );
}

export function CreateAgencyDialog({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <ActionModal<AgencyFields>
      label="Thêm cơ quan"
      primary
      onSubmit={async (v) => {
        const created = unwrap(
          await api.POST('/api/agencies', {
            body: {
              code: v.code,
              name: v.name,
              aliases: v.aliases ?? [],
              contactEmail: v.contactEmail,
              headEmail: v.headEmail || null,
            },
          }),
        );
        void message.success(`Đã thêm ${created.name} (${created.code}).`);
        onDone();
      }}
    >
      <AgencyFormItems />
    </ActionModal>
  );
}

export function EditAgencyDialog({ agency, onDone }: { agency: AgencyRow; onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <ActionModal<Omit<AgencyFields, 'code'>>
      label="Sửa"
      onSubmit={async (v) => {
        unwrap(
          await api.PATCH('/api/agencies/{code}', {
            params: { path: { code: agency.code } },
            body: {
              name: v.name,
              aliases: v.aliases ?? [],
              contactEmail: v.contactEmail,
              headEmail: v.headEmail || null,
            },
          }),
        );
        void message.success(`Đã lưu ${v.name}.`);
        onDone();
      }}
    >
      <AgencyFormItems agency={agency} />
    </ActionModal>
  );
}
