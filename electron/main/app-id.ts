/**
 * The application id. It must equal electron-builder's `appId` (electron-builder.yml): Windows groups taskbar
 * entries and shows toasts only for an AppUserModelID that matches the Start-menu shortcut the installer creates.
 */
export const APP_ID = 'app.creditledger.desktop'
