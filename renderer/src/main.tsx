import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';
import './styles/rich.css';
// After the app's styles, so a kiosk rule wins over the general rule of the same specificity it overrides.
import './kiosk/kiosk.css';

createRoot(document.getElementById('root')!, {
  // ScreenErrorBoundary logs what it catches, with the route; React's default would log it a second time.
  onCaughtError: () => undefined,
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
