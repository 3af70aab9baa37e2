import { accepted, rejected, type Checked } from './checked';

/**
 * The rules of a browser's list of companies: names, deleting, and what only a training
 * company allows. Pure: the registry's commands ask these before they write.
 */

export const COMPANY_NAME_MAX = 100;

/** Names are told apart as a clerk reads them: case and surrounding spaces do not count. */
function sameName(a: string, b: string): boolean {
	return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** The name a company is stored under, or why not: required, bounded, not another's name. */
export function checkCompanyName(input: string, otherNames: readonly string[]): Checked {
	const name = input.trim();
	if (name === '') return rejected('companies.nameRequired', 'Enter a name for the company.');
	if (name.length > COMPANY_NAME_MAX) {
		return rejected('error.tooLong', 'The text is longer than {max} characters.', {
			max: COMPANY_NAME_MAX
		});
	}
	if (otherNames.some((other) => sameName(other, name))) {
		return rejected('companies.nameTaken', 'There is already a company named {name}.', { name });
	}
	return accepted(name);
}

/** `base`, or `base 2`, `base 3`… : the first that no company has. */
export function freeCompanyName(base: string, taken: readonly string[]): string {
	for (let n = 1; ; n++) {
		const name = n === 1 ? base : `${base} ${n}`;
		if (!taken.some((other) => sameName(other, name))) return name;
	}
}

/**
 * Whether a company may be deleted: never the one this window works in (its pages would write
 * into a database that is gone), and only when its name was typed to confirm.
 */
export function checkCompanyDelete(
	company: { id: string; name: string },
	typedName: string,
	openCompanyId: string
): Checked<true> {
	if (company.id === openCompanyId) {
		return rejected(
			'companies.deleteCurrent',
			'You cannot delete the company you are working in. Open another company first.'
		);
	}
	if (!sameName(typedName, company.name)) {
		return rejected(
			'companies.deleteNameMismatch',
			'Type the name of the company, {name}, to delete it.',
			{ name: company.name }
		);
	}
	return accepted(true);
}

/** Only a training company is reset; a real company's books come back from a backup. */
export function checkCompanyReset(kind: 'training' | 'real'): Checked<true> {
	return kind === 'real'
		? rejected(
				'companies.realNoReset',
				'This is a real company: it is never reset. Restore it from a backup instead.'
			)
		: accepted(true);
}
