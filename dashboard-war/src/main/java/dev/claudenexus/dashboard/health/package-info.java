/** MicroProfile Health checks of the dashboard: started, live, and ready while its database answers. */
package dev.claudenexus.dashboard.health;
