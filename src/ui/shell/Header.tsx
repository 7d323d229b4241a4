/** Top bar: title, scenario picker, depth and language. */
import type { ScenarioGroup } from '../../engine';
import { isBuildLabId, LAB_TITLES } from '../../labs/catalog';
import { LANGS, textIn, type Lang } from '../i18n/i18n';
import { useT } from '../i18n/useI18n';
import { useSim } from '../store/useSim';
import { EditorToggle } from '../editor/EditorToggle';
import { ConsoleToggle } from '../console/ConsoleToggle';
import { CompareButton } from '../compare/CompareEntry';
import { QuizToggle } from '../quiz/QuizToggle';
import { PresenterButton } from '../presenter/PresenterEntry';
import { ShareButtons } from '../share-ui/ShareButtons';
import { ExportButton } from '../export/ExportButton';
import { HeaderMenu } from './HeaderMenu';
import { LoadToggle } from '../load/LoadToggle';

const GROUP_ORDER: readonly ScenarioGroup[] = ['basics', 'overview', 'modes', 'labs', 'broken'];

function ScenarioPicker() {
  const t = useT();
  const presets = useSim((s) => s.presets);
  const current = useSim((s) => s.scenario?.id ?? '');
  const lang = useSim((s) => s.language);
  const loadScenario = useSim((s) => s.loadScenario);
  // A lab's machines and steps load with it: the first page carries only the labs' names.
  const choose = (id: string) => {
    if (!isBuildLabId(id)) return loadScenario(id);
    void import('../../labs').then((m) => {
      const lab = m.getBuildLab(id);
      if (lab) loadScenario(structuredClone(lab.start));
    });
  };
  return (
    <label className="field">
      <span>{t('header.scenario')}</span>
      <select data-testid="scenario-picker" value={current} onChange={(e) => choose(e.target.value)}>
        {GROUP_ORDER.map((g) => {
          const items = presets.filter((p) => p.group === g);
          if (items.length === 0) return null;
          return (
            <optgroup key={g} label={t(`groups.${g}`)}>
              {items.map((p) => <option key={p.id} value={p.id} title={textIn(lang, p.summary)}>{textIn(lang, p.title)}</option>)}
            </optgroup>
          );
        })}
        <optgroup label={t('groups.build')}>
          {LAB_TITLES.map((l) => <option key={l.id} value={l.id} title={textIn(lang, l.summary)}>{textIn(lang, l.title)}</option>)}
        </optgroup>
      </select>
    </label>
  );
}

function DepthSwitch() {
  const t = useT();
  const depth = useSim((s) => s.depth);
  const setDepth = useSim((s) => s.setDepth);
  return (
    <div className="segmented" role="radiogroup" aria-label={t('header.depth')}>
      {(['course', 'full'] as const).map((d) => (
        <button key={d} type="button" role="radio" aria-checked={depth === d} data-testid={`depth-${d}`}
          title={t(d === 'course' ? 'header.depthCourseHint' : 'header.depthFullHint')}
          onClick={() => setDepth(d)}>
          {t(d === 'course' ? 'header.depthCourse' : 'header.depthFull')}
        </button>
      ))}
    </div>
  );
}

function LanguageSwitch() {
  const t = useT();
  const lang = useSim((s) => s.language);
  const setLanguage = useSim((s) => s.setLanguage);
  const choices: readonly Lang[] = import.meta.env.DEV ? [...LANGS, 'pseudo'] : LANGS;
  return (
    <label className="field">
      <span className="sr-only">{t('header.language')}</span>
      <select data-testid="language" aria-label={t('header.language')} value={lang}
        onChange={(e) => setLanguage(e.target.value as Lang)}>
        {choices.map((l) => <option key={l} value={l} lang={l === 'pseudo' ? 'en' : l}>{t(`languages.${l}`)}</option>)}
      </select>
    </label>
  );
}

/** The chosen depth's hint, said in words where a touch screen has no hover for the title. */
function DepthHint() {
  const t = useT();
  const depth = useSim((s) => s.depth);
  return <>{t(depth === 'course' ? 'header.depthCourseHint' : 'header.depthFullHint')}</>;
}

export function Header() {
  const t = useT();
  // One row at every width: the less-used tools sit in a ☰ menu (HeaderMenu, styles.css).
  return (
    <header className="app-header">
      <h1 className="brand">
        <span className="brand-name">{t('app.title')}</span>
        <span className="brand-tag">{t('app.tagline')}</span>
      </h1>
      <ScenarioPicker />
      <HeaderMenu depth={<DepthSwitch />} depthHint={<DepthHint />}
        often={<>
          <LanguageSwitch />
          <ShareButtons />
          <EditorToggle />
        </>}
        rest={<>
          <QuizToggle />
          <ExportButton />
          <ConsoleToggle />
          <CompareButton />
          <LoadToggle />
          <PresenterButton />
        </>} />
    </header>
  );
}
