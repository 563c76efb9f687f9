import {
  CalendarOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  CloseOutlined,
  DownOutlined,
  ExclamationCircleFilled,
  InfoCircleFilled,
  SearchOutlined,
} from '@ant-design/icons';
import { Button, type PaginationProps } from 'antd';
import { cloneElement, isValidElement, type ReactElement } from 'react';

/**
 * The library's icons are images named in English ("down", "calendar", "close-circle",
 * "info-circle"), read aloud by a screen reader (issue 8 blind check 3). Here they are decoration:
 * each control says what it does in Vietnamese, so the icons are hidden from assistive technology.
 * These are the library's own icons, passed through ConfigProvider with aria-hidden.
 */
export const QUIET_ICONS = {
  select: {
    suffixIcon: <DownOutlined aria-hidden />,
    clearIcon: <CloseCircleFilled aria-hidden />,
    removeIcon: <CloseOutlined aria-hidden />,
  },
  datePicker: {
    suffixIcon: <CalendarOutlined aria-hidden />,
    clearIcon: <CloseCircleFilled aria-hidden />,
  },
  alert: {
    successIcon: <CheckCircleFilled aria-hidden />,
    infoIcon: <InfoCircleFilled aria-hidden />,
    warningIcon: <ExclamationCircleFilled aria-hidden />,
    errorIcon: <CloseCircleFilled aria-hidden />,
  },
} as const;

/** Input.Search's button (its `enterButton`) holds only its icon: named, or it is read "search". */
export const SEARCH_BUTTON = <Button aria-label="Tìm kiếm" icon={<SearchOutlined aria-hidden />} />;

/**
 * A text field's clear button: the library gives it no name but its icon's ("close-circle"); the
 * icon here carries the Vietnamese one.
 */
export const CLEAR_TEXT = { clearIcon: <CloseCircleFilled aria-label="Xóa nội dung" /> };

const PAGER_NAMES: Partial<Record<string, string>> = {
  prev: 'Trang trước',
  next: 'Trang sau',
  'jump-prev': 'Lùi 5 trang',
  'jump-next': 'Tiến 5 trang',
};

/** A pager's arrows, named in Vietnamese (the library names their buttons by their icons). */
export const namedPagerItem: NonNullable<PaginationProps['itemRender']> = (
  _page,
  type,
  original,
) => {
  const name = PAGER_NAMES[type];
  return name && isValidElement(original)
    ? cloneElement(original as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': name })
    : original;
};
