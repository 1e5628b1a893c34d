import { mount } from 'svelte';
import './participant.css';
import ParticipantApp from './ParticipantApp.svelte';

// The page participants open on their own phones and laptops to join a room, built apart from the
// app (build/vite.participant.config.ts) and served by the room server.
mount(ParticipantApp, { target: document.getElementById('app')! });
