import base from './playwright.config';
export default { ...base, testDir: '/work/wt/integ/e2e', use: { ...base.use, baseURL: 'http://127.0.0.1:4290/' }, webServer: { ...base.webServer, command: 'npx vite preview --host 127.0.0.1 --port 4290 --strictPort', url: 'http://127.0.0.1:4290/', reuseExistingServer: false, cwd: '/work/wt/integ' } };
