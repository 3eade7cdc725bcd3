import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { prefetchStart } from './api/prefetch';
import { createQueryClient } from './api/query-client';
import { ToastProvider } from './components/toast';
import { AppRoutes } from './router';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/import.css';
import './styles/published-assessment.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs a #root element');

const client = createQueryClient();
prefetchStart(client);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <ToastProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
