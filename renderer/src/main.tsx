import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { onUncaughtErrorIn } from './lib/uncaught';
import './styles/app.css';
import './styles/rich.css';
// After the app's styles, so a kiosk rule wins over the general rule of the same specificity it overrides.
import './kiosk/kiosk.css';

const container = document.getElementById('root')!;
createRoot(container, {
  // ScreenErrorBoundary logs what it catches, with the route; React's default would log it a second time.
  onCaughtError: () => undefined,
  // Outside the screens' boundaries: say so and start again rather than leave a blank window.
  onUncaughtError: onUncaughtErrorIn(container),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
