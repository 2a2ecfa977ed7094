// The widget's look, inside its own shadow root so the partner's styles and ours never mix.
// Logical properties (inset-inline-end, padding-inline) mirror it for Arabic.
// Brand colours as on the visitor page; white on #1f5f6b has a contrast of about 7:1.
export const widgetCss = `
:host { all: initial; }
.launcher, .panel { box-sizing: border-box; font: 16px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.launcher {
  position: fixed; inset-inline-end: 16px; bottom: 16px; z-index: 2147483646;
  min-height: 48px; padding: 12px 20px; border: 2px solid #fff; border-radius: 999px;
  background: #1f5f6b; color: #fff; font-weight: 700; cursor: pointer;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3);
}
.launcher:hover { background: #174a53; }
.launcher:focus-visible, .close:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.panel {
  position: fixed; inset-inline-end: 16px; bottom: 16px; z-index: 2147483646;
  display: flex; flex-direction: column;
  width: min(420px, calc(100vw - 32px)); height: min(680px, calc(100vh - 32px));
  background: #fff; color: #1a1a1a; border-radius: 12px; overflow: hidden;
  box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35);
}
.launcher[hidden], .panel[hidden] { display: none; }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding-block: 6px; padding-inline: 16px 8px; background: #1f5f6b; color: #fff; }
.title { font-weight: 700; }
.close {
  min-height: 44px; min-width: 44px; padding: 8px 14px; border: 2px solid #fff; border-radius: 8px;
  background: transparent; color: #fff; font: inherit; font-weight: 700; cursor: pointer;
}
.launcher .status { display: block; font-size: 13px; font-weight: 400; }
.status:empty { display: none; }
.badge { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; font: 16px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; }
.badge-link { color: #1f5f6b; font-weight: 700; text-decoration: underline; }
.badge-link:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.badge .status { padding: 2px 10px; border-radius: 999px; border: 1px solid currentColor; background: #fff; color: #1a1a1a; }
.badge .status[data-state="open"] { color: #1b6b36; }
.badge .status[data-state="busy"] { color: #7a4b00; }
.badge .status[data-state="closed"] { color: #5a5a5a; }
iframe { display: block; flex: 1; width: 100%; border: 0; }
@media (max-width: 480px) {
  .panel { inset-inline-end: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
}
`;
