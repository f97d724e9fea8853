export { decode } from 'light-bolt11-decoder';
