import { render } from 'preact';
import { App } from './app.tsx';
// Utrecht's design system first; after it the app's own CSS, only for what no @utrecht component
// provides (issue 15; docs/web-app.md lists it).
import './utrecht.css';
import '@utrecht/unordered-list-css/dist/index.css';
import './styles.css';

render(<App />, document.getElementById('app') as HTMLElement);
