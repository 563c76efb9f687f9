import { Alert, Button, Form, Modal } from 'antd';
import { useId, useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../api/errors';

/** A dialog opened from elsewhere (an entry of a menu) rather than by its own button. */
export interface ModalControl {
  readonly open: boolean;
  /** The dialog is closed (sent or not). */
  readonly onClose: () => void;
  /** The dialog is gone: put the focus back where it came from. */
  readonly afterClose?: () => void;
}

interface Props<V> {
  /** The button that opens the form, and the form's title. */
  readonly label: string;
  readonly primary?: boolean;
  readonly danger?: boolean;
  readonly children?: ReactNode;
  /** Sends the command; a rejection shows the API's Vietnamese message in the form. */
  readonly onSubmit: (values: V) => Promise<unknown>;
  /** Opened from elsewhere: no button of its own. */
  readonly control?: ModalControl;
  /** The submit button's words ("Gửi" unless the form does something else, e.g. "Tải về"). */
  readonly submitLabel?: string;
}

/** A button that opens a small form in a dialog and sends one command. */
export function ActionModal<V extends object>({
  label,
  primary,
  danger,
  children,
  onSubmit,
  control,
  submitLabel = 'Gửi',
}: Props<V>) {
  const [own, setOwn] = useState(false);
  const open = control ? control.open : own;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<V>();
  const formId = useId();
  const body = useRef<HTMLDivElement>(null);
  // Keyboard users start typing in the first field, not on the dialog's close button; once the
  // opening animation ends, so not when someone already went into a field (the focus would jump
  // away under their typing).
  const focusFirstField = () => {
    const el = body.current;
    if (!el || el.contains(document.activeElement)) return;
    el.querySelector<HTMLElement>(
      'input:not([type="hidden"]):not([disabled]), textarea, select',
    )?.focus();
  };
  const close = () => {
    if (control) control.onClose();
    else setOwn(false);
    setError(null);
    form.resetFields();
  };
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      close();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {!control && (
        <Button type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOwn(true)}>
          {label}
        </Button>
      )}
      <Modal
        title={label}
        open={open}
        onCancel={close}
        afterClose={control?.afterClose}
        afterOpenChange={(opened) => opened && focusFirstField()}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={close}>
            Đóng
          </Button>,
          <Button key="send" type="primary" htmlType="submit" form={formId} loading={busy}>
            {submitLabel}
          </Button>,
        ]}
      >
        <div ref={body}>
          {error && (
            <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} />
          )}
          <Form<V>
            id={formId}
            form={form}
            layout="vertical"
            scrollToFirstError={{ focus: true }}
            onFinish={(v) => void submit(v)}
          >
            {children}
          </Form>
        </div>
      </Modal>
    </>
  );
}
