/** Values shared by the ports and the core: probe selection, connection options, geometry. */
package io.blueflash.model;
