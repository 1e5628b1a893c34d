import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import { createServices } from './state/services';
import { toasts } from './state/toasts.svelte';
import { watchPasteLimits } from './ui/paste-limit';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app');

watchPasteLimits(document, (message) => toasts.show(message, 'info'));
mount(App, { target, props: { services: createServices() } });
