/** The login form's checks (pure): what the user must fix before the form is sent. */
export interface LoginValues {
  email: string;
  password: string;
}

export type LoginErrors = Partial<Record<keyof LoginValues, "emailRequired" | "emailInvalid" | "passwordRequired">>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(values: LoginValues): LoginErrors {
  const errors: LoginErrors = {};
  const email = values.email.trim();
  if (email === "") errors.email = "emailRequired";
  else if (!EMAIL.test(email)) errors.email = "emailInvalid";
  if (values.password === "") errors.password = "passwordRequired";
  return errors;
}
