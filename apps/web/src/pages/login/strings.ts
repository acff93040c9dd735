export const loginStrings = {
  title: "Sign in",
  subtitle: "Calls, messages and leads in one place.",
  email: "Email",
  emailPlaceholder: "you@company.com",
  password: "Password",
  submit: "Sign in",
  emailRequired: "Enter your email",
  emailInvalid: "This does not look like an email address",
  passwordRequired: "Enter your password",
};
