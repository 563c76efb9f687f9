import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { SessionProvider } from './auth/session';
import { MESSAGE_TOP } from './layout/header-offset';
import { QUIET_ICONS } from './layout/quiet-icons';
import { router } from './routes';

dayjs.locale('vi');

/** Ant Design's defaults, with secondary text and links dark enough for WCAG AA contrast. */
const THEME = {
  colorPrimary: '#b71c1c',
  colorError: '#b3261e',
  colorLink: '#0b57d0',
  colorLinkHover: '#0842a0',
  colorLinkActive: '#062e70',
  colorTextSecondary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6b6b6b',
};

/**
 * A field being typed in is outlined in blue, not in the brand's red: red borders read as an
 * error (issue 8 blind check 4); errors keep the error colour.
 */
const FIELD_FOCUS = {
  activeBorderColor: '#0b57d0',
  hoverBorderColor: '#4d7fd6',
  activeShadow: '0 0 0 2px rgba(11, 87, 208, 0.15)',
};
const COMPONENTS = {
  // A table's empty text ("Không có nhiệm vụ nào.") is drawn in the disabled grey, 1.8:1 on the
  // page: the secondary text's colour instead (a list's: ItemsTable).
  Table: { colorTextDisabled: THEME.colorTextSecondary },
  Input: FIELD_FOCUS,
  InputNumber: FIELD_FOCUS,
  DatePicker: FIELD_FOCUS,
  Select: { ...FIELD_FOCUS, activeOutlineColor: 'rgba(11, 87, 208, 0.15)' },
};

/**
 * vi_VN's date picker asks to "Chọn thời điểm" (a moment) where a day is chosen, its clear
 * button is read "Clear", and its calendar's header reads "Th 01  2027": "Tháng 1 2027".
 */
const LOCALE = viVN.DatePicker
  ? {
      ...viVN,
      DatePicker: {
        ...viVN.DatePicker,
        lang: {
          ...viVN.DatePicker.lang,
          placeholder: 'Chọn ngày',
          clear: 'Xóa',
          monthFormat: '[Tháng] M',
          monthBeforeYear: true,
        },
      },
    }
  : viVN;

/**
 * A required field's star after its label, hidden from screen readers: the library's own star is
 * drawn by CSS and read as part of the name ("* Hạn đề nghị").
 */
const FORM = {
  requiredMark: (label: ReactNode, { required }: { required: boolean }) =>
    required ? (
      <>
        {label}
        <span aria-hidden="true" className="required-mark">
          {' *'}
        </span>
      </>
    ) : (
      label
    ),
};

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={LOCALE}
        theme={{ token: THEME, components: COMPONENTS }}
        form={FORM}
        {...QUIET_ICONS}
      >
        {/* Messages (role="alert") appear below the header, never over the brand and menu. */}
        <AntApp message={{ top: MESSAGE_TOP }}>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
