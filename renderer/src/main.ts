import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import { createServices } from './state/services';
import { applyTheme } from './state/theme.svelte';
import { toasts } from './state/toasts.svelte';
import { watchPasteLimits } from './ui/paste-limit';

// The chosen theme goes on <html> before anything is drawn.
applyTheme();

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app');

watchPasteLimits(document, (message) => toasts.show(message, 'info'));
mount(App, { target, props: { services: createServices() } });
