/**
 * Renderer entry: loads the styles and translations, then mounts <App/> into #root.
 * Loaded by index.html as a module script (no inline script, so the strict CSP holds).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import '../i18n/index.ts';
import { App } from './App.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
