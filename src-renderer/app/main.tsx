/**
 * Renderer entry: loads the styles and translations, asks for the orders list at once when the
 * app opens on it, then mounts <App/> into #root.
 * Loaded by index.html as a module script (no inline script, so the strict CSP holds).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import '../i18n/index.ts';
import { prefetchOrdersList } from '../features/orders/index.ts';
import { currentHashLocation } from '../state/routes.ts';
import { App } from './App.tsx';

// Opened on the orders list (a bookmark, a reload): its first page goes to the host now, with the
// session's first reads, rather than after the shell has rendered (issue 19, ui.coldStart1m).
const start = currentHashLocation();
if (start.route === 'orders' && start.path === '') prefetchOrdersList();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
