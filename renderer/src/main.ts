import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import { createServices } from './state/services';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app');

mount(App, { target, props: { services: createServices() } });
