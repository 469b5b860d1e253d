/**
 * react-router-dom 5.3 (the version the Strapi 4 admin provides) without @types installed:
 * the part of its API this plugin and its tests use.
 */
declare module 'react-router-dom' {
  import type { ComponentType, ReactNode } from 'react';

  export interface Location {
    pathname: string;
    search: string;
    hash: string;
  }
  export interface History {
    push(location: string | { pathname?: string; search?: string }): void;
    replace(location: string | { pathname?: string; search?: string }): void;
    location: Location;
  }
  export const useHistory: () => History;
  export const useLocation: () => Location;

  export const Switch: ComponentType<{ children?: ReactNode }>;
  export const Route: ComponentType<{
    path?: string;
    exact?: boolean;
    component?: ComponentType;
    render?: () => ReactNode;
    children?: ReactNode;
  }>;
  export const Redirect: ComponentType<{ to: string }>;
  export const MemoryRouter: ComponentType<{ initialEntries?: string[]; children?: ReactNode }>;
  export const NavLink: ComponentType<{ to: string; children?: ReactNode }>;
}
