export { destroy as default } from './bootstrap';
