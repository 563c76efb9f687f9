import type { InputProps } from 'antd';
import type { Rule } from 'antd/es/form';

/** An address that is not one ("hoa.syt"): said in Vietnamese by the form, never by the browser. */
export const EMAIL_FORMAT_RULE: Rule = {
  type: 'email',
  message: 'Địa chỉ thư điện tử không hợp lệ.',
};

/** A required address: empty and malformed are told apart. */
export function requiredEmailRules(emptyMessage = 'Nhập địa chỉ thư điện tử.'): Rule[] {
  return [{ required: true, whitespace: true, message: emptyMessage }, EMAIL_FORMAT_RULE];
}

/**
 * The props of an address input: the e-mail keyboard on a phone, but not `type="email"`, whose
 * native check pops the browser's English bubble ("Please include an '@'…") over the form's
 * Vietnamese message.
 */
export const EMAIL_INPUT: Pick<InputProps, 'inputMode' | 'autoCapitalize' | 'spellCheck'> = {
  inputMode: 'email',
  autoCapitalize: 'none',
  spellCheck: false,
};
