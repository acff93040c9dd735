/**
 * Same tree as the English messages with every leaf widened to string: what each language must provide.
 * A plural (`x_one`/`x_other`) may add the forms English lacks (French `x_many`: "1 000 000 d’appels").
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> } & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_many` : never]?: string;
};
